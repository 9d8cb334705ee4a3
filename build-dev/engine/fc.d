build-dev/engine/fc.o: engine/fc.c include/mutu/fc.h include/mutu/base.h \
 include/mutu/sim.h include/mutu/stats.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sla.h include/mutu/sop.h
include/mutu/fc.h:
include/mutu/base.h:
include/mutu/sim.h:
include/mutu/stats.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sla.h:
include/mutu/sop.h:
