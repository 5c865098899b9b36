// PouchDB (pouchdb-browser) imports Node's `events` and expects the bundler to supply it; vite
// does not, so the worker's build maps `events` here (scripts/build.js). This is the part of
// Node's EventEmitter that PouchDB uses. The methods are put on the prototype by assignment, not
// declared in the class, because PouchDB copies EventEmitter.prototype's enumerable keys onto its
// constructor (PouchDB.on, PouchDB.emit), and class methods are not enumerable.
type Listener = (...args: unknown[]) => void;

interface Emitter {
  _events?: Map<string | symbol, Listener[]>;
}

function listenersOf(emitter: Emitter, type: string | symbol): Listener[] {
  emitter._events ??= new Map();
  let list = emitter._events.get(type);
  if (!list) emitter._events.set(type, (list = []));
  return list;
}

class EventEmitter {
  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return (emitter as unknown as Emitter)._events?.get(type)?.length ?? 0;
  }
}

const methods = {
  on(this: Emitter, type: string | symbol, listener: Listener) {
    listenersOf(this, type).push(listener);
    return this;
  },
  once(this: Emitter & { removeListener(type: string | symbol, listener: Listener): unknown }, type: string | symbol, listener: Listener) {
    const once: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, once);
      listener.apply(this, args);
    };
    once.listener = listener;
    listenersOf(this, type).push(once);
    return this;
  },
  removeListener(this: Emitter, type: string | symbol, listener: Listener) {
    const list = listenersOf(this, type);
    const index = list.findIndex((entry) => entry === listener || (entry as { listener?: Listener }).listener === listener);
    if (index !== -1) list.splice(index, 1);
    return this;
  },
  removeAllListeners(this: Emitter, type?: string | symbol) {
    if (type === undefined) this._events?.clear();
    else this._events?.delete(type);
    return this;
  },
  emit(this: Emitter, type: string | symbol, ...args: unknown[]) {
    const list = this._events?.get(type);
    if (!list || list.length === 0) {
      // Node throws an 'error' nobody listens to; so does this, rather than losing it.
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  },
  listeners(this: Emitter, type: string | symbol) {
    return [...(this._events?.get(type) ?? [])];
  },
  listenerCount(this: Emitter, type: string | symbol) {
    return this._events?.get(type)?.length ?? 0;
  },
  setMaxListeners(this: Emitter) {
    return this;
  },
};
Object.assign(EventEmitter.prototype, methods, { addListener: methods.on, off: methods.removeListener });

export default EventEmitter;
export { EventEmitter };
