// Non-variadic wrappers around libedit's el_set/el_get and history, which Swift cannot call
// directly because they are C variadic functions.
#ifndef DOSSIER_CLIBEDIT_SHIM_H
#define DOSSIER_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <histedit.h>

typedef char *(*dossier_prompt_function)(EditLine *);
typedef unsigned char (*dossier_editor_function)(EditLine *, int);

// el_init on the process's standard streams (Swift 6 cannot touch the C globals stdin/stdout).
static inline EditLine *dossier_el_init_standard_streams(const char *program_name) {
    return el_init(program_name, stdin, stdout, stderr);
}

// The character encoding of the current locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *dossier_locale_codeset(void) {
    return nl_langinfo(CODESET);
}

static inline int dossier_el_set_prompt(EditLine *editor, dossier_prompt_function prompt) {
    return el_set(editor, EL_PROMPT, prompt);
}

static inline int dossier_el_set_editor(EditLine *editor, const char *mode) {
    return el_set(editor, EL_EDITOR, mode);
}

static inline int dossier_el_set_signal_handling(EditLine *editor, int enabled) {
    return el_set(editor, EL_SIGNAL, enabled);
}

static inline int dossier_el_set_history(EditLine *editor, History *history_state) {
    return el_set(editor, EL_HIST, history, history_state);
}

static inline int dossier_el_set_client_data(EditLine *editor, void *data) {
    return el_set(editor, EL_CLIENTDATA, data);
}

static inline void *dossier_el_get_client_data(EditLine *editor) {
    void *data = NULL;
    el_get(editor, EL_CLIENTDATA, &data);
    return data;
}

static inline int dossier_el_add_function(EditLine *editor, const char *name, const char *help,
                                          dossier_editor_function function) {
    return el_set(editor, EL_ADDFN, name, help, function);
}

static inline int dossier_el_bind(EditLine *editor, const char *key, const char *function_name) {
    return el_set(editor, EL_BIND, key, function_name, NULL);
}

static inline int dossier_history_set_size(History *history_state, int size) {
    HistEvent event;
    return history(history_state, &event, H_SETSIZE, size);
}

static inline int dossier_history_set_unique(History *history_state, int unique) {
    HistEvent event;
    return history(history_state, &event, H_SETUNIQUE, unique);
}

static inline int dossier_history_enter(History *history_state, const char *line) {
    HistEvent event;
    return history(history_state, &event, H_ENTER, line);
}

static inline int dossier_history_load(History *history_state, const char *path) {
    HistEvent event;
    return history(history_state, &event, H_LOAD, path);
}

static inline int dossier_history_save(History *history_state, const char *path) {
    HistEvent event;
    return history(history_state, &event, H_SAVE, path);
}

// The oldest entry, then each newer one (NULL past the newest): libedit lists newest first.
static inline const char *dossier_history_last(History *history_state) {
    HistEvent event;
    return history(history_state, &event, H_LAST) == -1 ? NULL : event.str;
}

static inline const char *dossier_history_previous(History *history_state) {
    HistEvent event;
    return history(history_state, &event, H_PREV) == -1 ? NULL : event.str;
}

#endif
