build-dev/engine/dur.o: engine/dur.c include/mutu/dur.h \
 include/mutu/base.h
include/mutu/dur.h:
include/mutu/base.h:
