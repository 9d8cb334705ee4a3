build-dev/engine/cli/cmd_plan.o: engine/cli/cmd_plan.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/plan.h include/mutu/stats.h \
 include/mutu/rpt.h include/mutu/sla.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sop.h include/mutu/sim.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/plan.h:
include/mutu/stats.h:
include/mutu/rpt.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/sim.h:
