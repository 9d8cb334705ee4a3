build-dev/engine/cal_tz.o: engine/cal_tz.c include/mutu/cal.h \
 include/mutu/base.h include/mutu/dur.h
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
