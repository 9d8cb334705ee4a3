build-dev/engine/cal.o: engine/cal.c engine/cal_int.h include/mutu/cal.h \
 include/mutu/base.h include/mutu/dur.h
engine/cal_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
