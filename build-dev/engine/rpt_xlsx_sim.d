build-dev/engine/rpt_xlsx_sim.o: engine/rpt_xlsx_sim.c engine/rpt_int.h \
 include/mutu/rpt.h include/mutu/base.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h \
 include/mutu/bt.h include/mutu/sim.h include/mutu/stats.h \
 include/mutu/fc.h
engine/rpt_int.h:
include/mutu/rpt.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/bt.h:
include/mutu/sim.h:
include/mutu/stats.h:
include/mutu/fc.h:
