build-dev/engine/cli/cmd_audit.o: engine/cli/cmd_audit.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/elog.h include/mutu/rpt.h \
 include/mutu/sla.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h include/mutu/store.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/elog.h:
include/mutu/rpt.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/store.h:
