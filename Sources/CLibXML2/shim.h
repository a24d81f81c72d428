#ifndef CROSSCHECK_CLIBXML2_SHIM_H
#define CROSSCHECK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 headers pull in ICU, whose module clashes with the ICU that Foundation bundles
// on this toolchain ("'UErrorCode' has different definitions"). We never use libxml2's ICU path.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void crosscheck_xml_free(void *pointer) { xmlFree(pointer); }

#endif
