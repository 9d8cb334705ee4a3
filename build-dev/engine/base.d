build-dev/engine/base.o: engine/base.c include/mutu/base.h
include/mutu/base.h:
