build-dev/engine/cli/cmd_sop.o: engine/cli/cmd_sop.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
