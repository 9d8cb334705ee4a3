build-dev/engine/calib.o: engine/calib.c include/mutu/calib.h \
 include/mutu/base.h include/mutu/fit.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h
include/mutu/calib.h:
include/mutu/base.h:
include/mutu/fit.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
