build-dev/engine/cal_load.o: engine/cal_load.c engine/cal_int.h \
 include/mutu/cal.h include/mutu/base.h include/mutu/dur.h
engine/cal_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
