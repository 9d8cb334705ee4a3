/*
 * dl_libs.c - libxml2, libxlsxwriter and libcrypto, loaded on first use.
 *
 * Why: linking them loads nine shared objects into every mutu process
 * (libxml2 brings ICU, its 30 MB data library, liblzma and libstdc++;
 * libxlsxwriter brings minizip; libcrypto runs its CPU probes), and the
 * dynamic loader's mapping, relocation and initialisers of them were
 * most of a `mutu sim` start-up (issue 14: `mutu --version` 22.8 ms of
 * CPU, 14.2 without libxml2 and libxlsxwriter, 7.6 also without
 * libcrypto, medians of alternating runs on the shared two-core machine).
 * Only XES ingest/export, --format xlsx and the ingest's file hashes use
 * them.  So the mutu binary is not linked with -lxml2, -lxlsxwriter or
 * -lcrypto (Makefile, CLI_LIBS): this file defines the functions
 * engine/elog_xes.c, engine/elog_export.c, engine/rpt_xlsx.c and
 * engine/elog_sha.c call, with the libraries' own prototypes (their
 * headers), and each forwards to the real one, looked up with dlopen /
 * dlsym the first time one of them is called -- the pattern of
 * engine/store_pq.c for libpq.
 *
 * Programs that do link the libraries (the unit tests, which call
 * xmlReadMemory themselves) still work: these definitions take the calls,
 * and dlopen then finds the library already loaded.
 *
 * The tables of addresses are process-wide state written once under
 * pthread_once and only read afterwards, so threads share them safely.
 * When a library cannot be loaded, the functions that start the work
 * (xmlCreatePushParserCtxt, xmlOutputBufferCreateIO, xmlNewTextWriter,
 * workbook_new, EVP_MD_CTX_new) return NULL, which their callers already
 * report as a failure to read or write the file (EVP_Digest returns 0
 * with a zero digest), and the others do nothing.
 *
 * A function those files start to use must be added below, or the link of
 * build/mutu fails with an undefined reference (by design: no silent gap).
 */
#define _GNU_SOURCE 1 /* RTLD_* on older C libraries */
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include <openssl/evp.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <xlsxwriter.h>

/* Debian bookworm's sonames (libxml2-dev, libxlsxwriter-dev) */
#define XML_LIBRARY "libxml2.so.2"
#define XLSX_LIBRARY "libxlsxwriter.so.4"
#define CRYPTO_LIBRARY "libcrypto.so.3"

#define XML_FUNCS(X)                                                                               \
	X(xmlTextWriterWriteAttribute) X(xmlTextWriterStartElement) X(xmlTextWriterStartDocument)  \
	X(xmlTextWriterSetIndentString) X(xmlTextWriterSetIndent) X(xmlTextWriterEndElement)        \
	X(xmlTextWriterEndDocument) X(xmlSetGenericErrorFunc) X(xmlOutputBufferCreateIO)            \
	X(xmlNewTextWriter) X(xmlFreeTextWriter) X(__xmlGenericError) X(__xmlGenericErrorContext)   \
	X(xmlSAXVersion) X(xmlCreatePushParserCtxt) X(xmlCtxtUseOptions) X(xmlParseChunk)           \
	X(xmlStopParser) X(xmlSAX2GetLineNumber) X(xmlFreeDoc) X(xmlFreeParserCtxt)                 \
	X(xmlGetDocEntity)

#define XLSX_FUNCS(X)                                                                              \
	X(worksheet_write_string) X(worksheet_write_number) X(worksheet_set_column)                 \
	X(worksheet_freeze_panes) X(workbook_new) X(workbook_close) X(workbook_add_worksheet)       \
	X(workbook_add_format) X(lxw_strerror) X(format_set_text_wrap) X(format_set_num_format)     \
	X(format_set_bold) X(format_set_bg_color)

#define CRYPTO_FUNCS(X)                                                                            \
	X(EVP_Digest) X(EVP_DigestFinal_ex) X(EVP_DigestInit_ex) X(EVP_DigestUpdate)                \
	X(EVP_MD_CTX_free) X(EVP_MD_CTX_new) X(EVP_sha256)

/* dlsym gives an object pointer; POSIX guarantees it converts to a
 * function pointer, which memcpy says without a cast ISO C lacks */
#define X_SLOT(name) __typeof__(name) *name;
#define X_LOOKUP(name)                                                                             \
	{                                                                                          \
		void *p = dlsym(h, #name);                                                         \
		if (!p)                                                                            \
			return;                                                                    \
		memcpy(&t->name, &p, sizeof p);                                                    \
	}

/*
 * One loader, instantiated per library: its table of addresses (lib),
 * lib_ok, the once-flag, lib_load (what pthread_once runs: dlopen, every
 * name looked up, ok only when all are there) and lib_ready().
 */
#define LIBRARY(lib, soname, FUNCS)                                                                \
	static struct {                                                                            \
		FUNCS(X_SLOT)                                                                      \
	} lib;                                                                                     \
	static int lib##_ok;                                                                       \
	static pthread_once_t lib##_once = PTHREAD_ONCE_INIT;                                      \
	static void lib##_load(void)                                                               \
	{                                                                                          \
		__typeof__(lib) *t = &lib;                                                         \
		void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);                                   \
		if (!h)                                                                            \
			return;                                                                    \
		FUNCS(X_LOOKUP)                                                                    \
		lib##_ok = 1;                                                                      \
	}                                                                                          \
	static int lib##_ready(void)                                                               \
	{                                                                                          \
		pthread_once(&lib##_once, lib##_load);                                             \
		return lib##_ok;                                                                   \
	}

LIBRARY(xml, XML_LIBRARY, XML_FUNCS)
LIBRARY(xlsx, XLSX_LIBRARY, XLSX_FUNCS)
LIBRARY(crypto, CRYPTO_LIBRARY, CRYPTO_FUNCS)

/* ---- libxml2 (libxml/parser.h, SAX2.h, xmlwriter.h, xmlerror.h, tree.h) ---- */

#define XML_OR(v)                                                                                  \
	if (!xml_ready())                                                                          \
	return v

xmlOutputBufferPtr xmlOutputBufferCreateIO(xmlOutputWriteCallback iowrite,
					   xmlOutputCloseCallback ioclose, void *ioctx,
					   xmlCharEncodingHandlerPtr encoder)
{
	XML_OR(NULL);
	return xml.xmlOutputBufferCreateIO(iowrite, ioclose, ioctx, encoder);
}
xmlTextWriterPtr xmlNewTextWriter(xmlOutputBufferPtr out)
{
	XML_OR(NULL);
	return xml.xmlNewTextWriter(out);
}
int xmlTextWriterWriteAttribute(xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *content)
{
	XML_OR(-1);
	return xml.xmlTextWriterWriteAttribute(writer, name, content);
}
int xmlTextWriterStartElement(xmlTextWriterPtr writer, const xmlChar *name)
{
	XML_OR(-1);
	return xml.xmlTextWriterStartElement(writer, name);
}
int xmlTextWriterStartDocument(xmlTextWriterPtr writer, const char *version, const char *encoding,
			       const char *standalone)
{
	XML_OR(-1);
	return xml.xmlTextWriterStartDocument(writer, version, encoding, standalone);
}
int xmlTextWriterSetIndentString(xmlTextWriterPtr writer, const xmlChar *str)
{
	XML_OR(-1);
	return xml.xmlTextWriterSetIndentString(writer, str);
}
int xmlTextWriterSetIndent(xmlTextWriterPtr writer, int indent)
{
	XML_OR(-1);
	return xml.xmlTextWriterSetIndent(writer, indent);
}
int xmlTextWriterEndElement(xmlTextWriterPtr writer)
{
	XML_OR(-1);
	return xml.xmlTextWriterEndElement(writer);
}
int xmlTextWriterEndDocument(xmlTextWriterPtr writer)
{
	XML_OR(-1);
	return xml.xmlTextWriterEndDocument(writer);
}
void xmlFreeTextWriter(xmlTextWriterPtr writer)
{
	XML_OR();
	xml.xmlFreeTextWriter(writer);
}
void xmlSetGenericErrorFunc(void *ctx, xmlGenericErrorFunc handler)
{
	XML_OR();
	xml.xmlSetGenericErrorFunc(ctx, handler);
}
/* the SAX2 push parser of elog_xes.c; xmlCreatePushParserCtxt starts
 * the work (NULL without the library) */
int xmlSAXVersion(xmlSAXHandler *hdlr, int version)
{
	XML_OR(-1);
	return xml.xmlSAXVersion(hdlr, version);
}
xmlParserCtxtPtr xmlCreatePushParserCtxt(xmlSAXHandlerPtr sax, void *user_data, const char *chunk,
					 int size, const char *filename)
{
	XML_OR(NULL);
	return xml.xmlCreatePushParserCtxt(sax, user_data, chunk, size, filename);
}
int xmlCtxtUseOptions(xmlParserCtxtPtr ctxt, int options)
{
	XML_OR(-1);
	return xml.xmlCtxtUseOptions(ctxt, options);
}
int xmlParseChunk(xmlParserCtxtPtr ctxt, const char *chunk, int size, int terminate)
{
	XML_OR(-1);
	return xml.xmlParseChunk(ctxt, chunk, size, terminate);
}
void xmlStopParser(xmlParserCtxtPtr ctxt)
{
	XML_OR();
	xml.xmlStopParser(ctxt);
}
int xmlSAX2GetLineNumber(void *ctx)
{
	XML_OR(0);
	return xml.xmlSAX2GetLineNumber(ctx);
}
void xmlFreeDoc(xmlDocPtr cur)
{
	XML_OR();
	xml.xmlFreeDoc(cur);
}
void xmlFreeParserCtxt(xmlParserCtxtPtr ctxt)
{
	XML_OR();
	xml.xmlFreeParserCtxt(ctxt);
}
xmlEntityPtr xmlGetDocEntity(const xmlDoc *doc, const xmlChar *name)
{
	XML_OR(NULL);
	return xml.xmlGetDocEntity(doc, name);
}
/* what the macros xmlGenericError and xmlGenericErrorContext read (the
 * thread's error handler); never reached before xmlCreatePushParserCtxt loaded
 * the library, so the stand-ins are only read, as "no handler" */
xmlGenericErrorFunc *__xmlGenericError(void)
{
	static xmlGenericErrorFunc none;
	XML_OR(&none);
	return xml.__xmlGenericError();
}
void **__xmlGenericErrorContext(void)
{
	static void *none;
	XML_OR(&none);
	return xml.__xmlGenericErrorContext();
}

/* ---- libxlsxwriter (xlsxwriter.h) ---- */

#define XLSX_OR(v)                                                                                 \
	if (!xlsx_ready())                                                                         \
	return v

lxw_workbook *workbook_new(const char *filename)
{
	XLSX_OR(NULL);
	return xlsx.workbook_new(filename);
}
lxw_error workbook_close(lxw_workbook *workbook)
{
	XLSX_OR(LXW_ERROR_CREATING_XLSX_FILE);
	return xlsx.workbook_close(workbook);
}
lxw_worksheet *workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname)
{
	XLSX_OR(NULL);
	return xlsx.workbook_add_worksheet(workbook, sheetname);
}
lxw_format *workbook_add_format(lxw_workbook *workbook)
{
	XLSX_OR(NULL);
	return xlsx.workbook_add_format(workbook);
}
lxw_error worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
				 const char *string, lxw_format *format)
{
	XLSX_OR(LXW_ERROR_CREATING_XLSX_FILE);
	return xlsx.worksheet_write_string(worksheet, row, col, string, format);
}
lxw_error worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
				 double number, lxw_format *format)
{
	XLSX_OR(LXW_ERROR_CREATING_XLSX_FILE);
	return xlsx.worksheet_write_number(worksheet, row, col, number, format);
}
lxw_error worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col,
			       double width, lxw_format *format)
{
	XLSX_OR(LXW_ERROR_CREATING_XLSX_FILE);
	return xlsx.worksheet_set_column(worksheet, first_col, last_col, width, format);
}
void worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col)
{
	XLSX_OR();
	xlsx.worksheet_freeze_panes(worksheet, row, col);
}
char *lxw_strerror(lxw_error error_num)
{
	XLSX_OR((char *)"cannot load the Excel writer library " XLSX_LIBRARY
		": install Debian's libxlsxwriter (make deps)");
	return xlsx.lxw_strerror(error_num);
}
void format_set_text_wrap(lxw_format *format)
{
	XLSX_OR();
	xlsx.format_set_text_wrap(format);
}
void format_set_num_format(lxw_format *format, const char *num_format)
{
	XLSX_OR();
	xlsx.format_set_num_format(format, num_format);
}
void format_set_bold(lxw_format *format)
{
	XLSX_OR();
	xlsx.format_set_bold(format);
}
void format_set_bg_color(lxw_format *format, lxw_color_t color)
{
	XLSX_OR();
	xlsx.format_set_bg_color(format, color);
}

/* ---- libcrypto (openssl/evp.h): SHA-256 of ingested files ---- */

#define CRYPTO_OR(v)                                                                               \
	if (!crypto_ready())                                                                       \
	return v

int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size,
	       const EVP_MD *type, ENGINE *impl)
{
	if (!crypto_ready()) {
		memset(md, 0, EVP_MAX_MD_SIZE);
		if (size)
			*size = 0;
		return 0;
	}
	return crypto.EVP_Digest(data, count, md, size, type, impl);
}
int EVP_DigestFinal_ex(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s)
{
	CRYPTO_OR(0);
	return crypto.EVP_DigestFinal_ex(ctx, md, s);
}
int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl)
{
	CRYPTO_OR(0);
	return crypto.EVP_DigestInit_ex(ctx, type, impl);
}
int EVP_DigestUpdate(EVP_MD_CTX *ctx, const void *d, size_t cnt)
{
	CRYPTO_OR(0);
	return crypto.EVP_DigestUpdate(ctx, d, cnt);
}
void EVP_MD_CTX_free(EVP_MD_CTX *ctx)
{
	CRYPTO_OR();
	crypto.EVP_MD_CTX_free(ctx);
}
EVP_MD_CTX *EVP_MD_CTX_new(void)
{
	CRYPTO_OR(NULL);
	return crypto.EVP_MD_CTX_new();
}
const EVP_MD *EVP_sha256(void)
{
	CRYPTO_OR(NULL);
	return crypto.EVP_sha256();
}
