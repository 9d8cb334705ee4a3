build-dev/engine/sop_registry.o: engine/sop_registry.c include/mutu/sop.h \
 include/mutu/base.h include/mutu/dur.h include/mutu/cal.h
include/mutu/sop.h:
include/mutu/base.h:
include/mutu/dur.h:
include/mutu/cal.h:
