/* cmd_ingest.c - placeholder until the 'ingest' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_ingest(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu ingest: not built yet\n");
	return 1;
}
