build-dev/engine/cal_time.o: engine/cal_time.c engine/cal_int.h \
 include/mutu/cal.h include/mutu/base.h include/mutu/dur.h
engine/cal_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
