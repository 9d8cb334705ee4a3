build-dev/engine/sop.o: engine/sop.c include/mutu/sop.h \
 include/mutu/base.h include/mutu/dur.h engine/sop_int.h
include/mutu/sop.h:
include/mutu/base.h:
include/mutu/dur.h:
engine/sop_int.h:
