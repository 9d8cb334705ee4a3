build-dev/engine/sim.o: engine/sim.c engine/sim_int.h include/mutu/cal.h \
 include/mutu/base.h include/mutu/dur.h include/mutu/sim.h \
 include/mutu/stats.h engine/sim_evq.h engine/stats_int.h
engine/sim_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
include/mutu/sim.h:
include/mutu/stats.h:
engine/sim_evq.h:
engine/stats_int.h:
