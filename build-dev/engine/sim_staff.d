build-dev/engine/sim_staff.o: engine/sim_staff.c include/mutu/base.h \
 include/mutu/sop.h include/mutu/dur.h engine/sim_int.h \
 include/mutu/cal.h include/mutu/sim.h include/mutu/stats.h
include/mutu/base.h:
include/mutu/sop.h:
include/mutu/dur.h:
engine/sim_int.h:
include/mutu/cal.h:
include/mutu/sim.h:
include/mutu/stats.h:
