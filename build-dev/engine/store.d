build-dev/engine/store.o: engine/store.c engine/store_int.h \
 include/mutu/store.h include/mutu/base.h
engine/store_int.h:
include/mutu/store.h:
include/mutu/base.h:
