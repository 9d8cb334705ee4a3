build-dev/engine/elog_sha.o: engine/elog_sha.c include/mutu/elog.h \
 include/mutu/base.h engine/elog_int.h
include/mutu/elog.h:
include/mutu/base.h:
engine/elog_int.h:
