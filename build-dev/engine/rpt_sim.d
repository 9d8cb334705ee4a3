build-dev/engine/rpt_sim.o: engine/rpt_sim.c engine/rpt_int.h \
 include/mutu/rpt.h include/mutu/base.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h \
 include/mutu/sim.h include/mutu/stats.h
engine/rpt_int.h:
include/mutu/rpt.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/sim.h:
include/mutu/stats.h:
