build-dev/engine/store_pg.o: engine/store_pg.c engine/store_int.h \
 include/mutu/store.h include/mutu/base.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h
engine/store_int.h:
include/mutu/store.h:
include/mutu/base.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
