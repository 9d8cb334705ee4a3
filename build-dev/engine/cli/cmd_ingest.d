build-dev/engine/cli/cmd_ingest.o: engine/cli/cmd_ingest.c \
 engine/cli/cli.h include/mutu/base.h include/mutu/elog.h \
 include/mutu/store.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/elog.h:
include/mutu/store.h:
