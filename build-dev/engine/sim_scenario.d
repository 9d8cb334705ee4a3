build-dev/engine/sim_scenario.o: engine/sim_scenario.c engine/sim_int.h \
 include/mutu/cal.h include/mutu/base.h include/mutu/dur.h \
 include/mutu/sim.h include/mutu/stats.h include/mutu/sop.h
engine/sim_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
include/mutu/sim.h:
include/mutu/stats.h:
include/mutu/sop.h:
