import { describe, expect, it, vi } from 'vitest';
import { createInstallPrompt } from './installPrompt';

function offer(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  const prompt = vi.fn(async () => undefined);
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
  return { event, prompt };
}

describe('createInstallPrompt', () => {
  it('offers installation only after the browser does, and keeps the browser’s own banner away', () => {
    const target = new EventTarget();
    const install = createInstallPrompt(target);
    expect(install.getSnapshot()).toBe(false);

    const { event } = offer('accepted');
    target.dispatchEvent(event);
    expect(install.getSnapshot()).toBe(true);
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows the browser’s dialog once, then hides the button', async () => {
    const target = new EventTarget();
    const install = createInstallPrompt(target);
    const changes = vi.fn();
    install.subscribe(changes);
    const { event, prompt } = offer('dismissed');
    target.dispatchEvent(event);

    expect(await install.install()).toBe('dismissed');
    expect(prompt).toHaveBeenCalledOnce();
    expect(install.getSnapshot()).toBe(false);
    expect(await install.install()).toBe('unavailable');
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('hides the button once Weft is installed', () => {
    const target = new EventTarget();
    const install = createInstallPrompt(target);
    target.dispatchEvent(offer('accepted').event);
    target.dispatchEvent(new Event('appinstalled'));
    expect(install.getSnapshot()).toBe(false);
  });
});
