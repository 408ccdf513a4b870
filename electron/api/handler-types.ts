// The shape of a handler, of all handlers and of one domain's handlers: declared apart so that handlers.ts and
// handlers/<domain>.ts both import it downwards.
import type { Channel, Output, ParsedInput } from '../../shared/api/contract.ts';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of the channels whose names start with a prefix. */
export type DomainHandlers<P extends string> = { [C in Channel as C extends `${P}:${string}` ? C : never]: Handler<C> };
