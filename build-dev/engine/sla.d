build-dev/engine/sla.o: engine/sla.c include/mutu/sla.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h
include/mutu/sla.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
