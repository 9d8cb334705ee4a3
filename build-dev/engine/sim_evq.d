build-dev/engine/sim_evq.o: engine/sim_evq.c engine/sim_evq.h \
 include/mutu/base.h
engine/sim_evq.h:
include/mutu/base.h:
