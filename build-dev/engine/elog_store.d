build-dev/engine/elog_store.o: engine/elog_store.c include/mutu/elog.h \
 include/mutu/base.h engine/elog_int.h
include/mutu/elog.h:
include/mutu/base.h:
engine/elog_int.h:
