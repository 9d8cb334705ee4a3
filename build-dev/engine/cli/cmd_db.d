build-dev/engine/cli/cmd_db.o: engine/cli/cmd_db.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/elog.h include/mutu/store.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/elog.h:
include/mutu/store.h:
