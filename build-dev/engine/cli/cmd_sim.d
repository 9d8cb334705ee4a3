build-dev/engine/cli/cmd_sim.o: engine/cli/cmd_sim.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/elog.h include/mutu/store.h include/mutu/fc.h \
 include/mutu/sim.h include/mutu/stats.h include/mutu/rpt.h \
 include/mutu/sla.h include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/elog.h:
include/mutu/store.h:
include/mutu/fc.h:
include/mutu/sim.h:
include/mutu/stats.h:
include/mutu/rpt.h:
include/mutu/sla.h:
include/mutu/sop.h:
