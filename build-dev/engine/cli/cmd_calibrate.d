build-dev/engine/cli/cmd_calibrate.o: engine/cli/cmd_calibrate.c \
 engine/cli/cli.h include/mutu/base.h include/mutu/store.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/calib.h \
 include/mutu/fit.h include/mutu/sla.h include/mutu/sop.h \
 include/mutu/elog.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/store.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/calib.h:
include/mutu/fit.h:
include/mutu/sla.h:
include/mutu/sop.h:
include/mutu/elog.h:
