build-dev/engine/plan_format.o: engine/plan_format.c include/mutu/dur.h \
 include/mutu/base.h include/mutu/plan.h include/mutu/stats.h \
 include/mutu/sim.h
include/mutu/dur.h:
include/mutu/base.h:
include/mutu/plan.h:
include/mutu/stats.h:
include/mutu/sim.h:
