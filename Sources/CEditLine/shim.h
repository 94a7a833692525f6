#ifndef PORTICO_CEDITLINE_SHIM_H
#define PORTICO_CEDITLINE_SHIM_H

// libedit's readline-compatible API (Debian: libedit-dev). Its header needs stdio.h first.
#include <stdio.h>
#include <editline/readline.h>

// The editor's settings are C globals. Swift 6 treats imported mutable globals as
// unsafe shared state, so Swift reaches them only through these functions, and only
// while holding EditLineLibrary's lock.

static inline void portico_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

// Without this, libedit falls back to completing file names when the shell's own
// completion finds nothing; the flag is reset after every completion attempt.
static inline void portico_rl_suppress_default_completion(void) {
    rl_attempted_completion_over = 1;
}

// The word a completion replaces ends at white space, or at a quote (a JSON field
// name is completed from just after its opening quote). `/` and `.` do not break words,
// so `Service/Method` and `Service.Method` are completed whole.
static inline void portico_rl_set_word_breaks(void) {
    rl_basic_word_break_characters = " \t\n\"";
    rl_completer_word_break_characters = (char *)" \t\n\"";
}

// What libedit types after a single match: a space after a word, a closing quote
// after a JSON field name.
static inline void portico_rl_set_append_character(int character) {
    rl_completion_append_character = character;
}

// The application name ~/.editrc sections match on.
static inline void portico_rl_set_name(void) {
    rl_readline_name = "portico-shell";
}

static inline const char *portico_rl_line_buffer(void) {
    return rl_line_buffer;
}

static inline int portico_rl_point(void) {
    return rl_point;
}

#endif
