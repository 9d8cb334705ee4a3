build-dev/engine/sim_backlog.o: engine/sim_backlog.c engine/sim_int.h \
 include/mutu/cal.h include/mutu/base.h include/mutu/dur.h \
 include/mutu/sim.h include/mutu/stats.h
engine/sim_int.h:
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
include/mutu/sim.h:
include/mutu/stats.h:
