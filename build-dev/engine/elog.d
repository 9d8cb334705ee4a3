build-dev/engine/elog.o: engine/elog.c include/mutu/elog.h \
 include/mutu/base.h engine/elog_int.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sop.h include/mutu/store.h
include/mutu/elog.h:
include/mutu/base.h:
engine/elog_int.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/store.h:
