build-dev/engine/cli/cli.o: engine/cli/cli.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/elog.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/elog.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
