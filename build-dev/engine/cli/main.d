build-dev/engine/cli/main.o: engine/cli/main.c engine/cli/cli.h \
 include/mutu/base.h
engine/cli/cli.h:
include/mutu/base.h:
