build-dev/engine/sop_import.o: engine/sop_import.c include/mutu/sop.h \
 include/mutu/base.h include/mutu/dur.h engine/sop_int.h
include/mutu/sop.h:
include/mutu/base.h:
include/mutu/dur.h:
engine/sop_int.h:
