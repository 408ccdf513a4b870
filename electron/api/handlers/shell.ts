import type { AppContext } from '../../context/app-context.ts';
import type { DomainHandlers } from '../handler-types.ts';

export const shellHandlers = (ctx: AppContext): DomainHandlers<'shell'> => ({
  'shell:save-file': async ({ suggestedName, kind, bytesBase64 }) => {
    const path = await ctx.shell.saveFile(suggestedName, kind, Buffer.from(bytesBase64, 'base64'));
    return { saved: path !== null, path };
  },
  'shell:print': async ({ landscape }) => ({ printed: await ctx.shell.print({ landscape }) }),
  'shell:print-to-pdf': async ({ suggestedName, landscape }) => {
    const pdf = await ctx.shell.printToPdf({ landscape });
    if (!pdf) return { saved: false, path: null };
    const path = await ctx.shell.saveFile(suggestedName, 'pdf', pdf);
    return { saved: path !== null, path };
  },
  'shell:menu-command': async ({ waitMs }) => ({ command: await ctx.shell.nextMenuCommand(waitMs) }),
});
