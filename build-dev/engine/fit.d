build-dev/engine/fit.o: engine/fit.c include/mutu/fit.h \
 include/mutu/base.h
include/mutu/fit.h:
include/mutu/base.h:
