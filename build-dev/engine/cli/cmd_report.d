build-dev/engine/cli/cmd_report.o: engine/cli/cmd_report.c \
 engine/cli/cli.h include/mutu/base.h include/mutu/elog.h \
 include/mutu/store.h include/mutu/rpt.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/elog.h:
include/mutu/store.h:
include/mutu/rpt.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
