build-dev/engine/store_sqlite.o: engine/store_sqlite.c engine/store_int.h \
 include/mutu/store.h include/mutu/base.h engine/elog_int.h \
 include/mutu/elog.h
engine/store_int.h:
include/mutu/store.h:
include/mutu/base.h:
engine/elog_int.h:
include/mutu/elog.h:
