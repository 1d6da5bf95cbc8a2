/* strategy.c - the table of lowerings (see strategy.h). */
#include "strategy.h"

#include "emit_sm.h"
#include "lower_state.h"
#include "stackful.h"

static const struct lowering state_machine = {"state machine", lower_sm,
                                              emit_sm};
static const struct lowering stackful = {"stackful", stackful_lower,
                                         stackful_emit};

const struct lowering *lowering_of(const struct coro *co) {
    return co->stackful ? &stackful : &state_machine;
}
