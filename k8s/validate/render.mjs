// A small kustomize: what our kustomizations use, applied the way kustomize applies it.
//   resources:  files (one or more YAML documents) and directories holding a kustomization.yaml
//   namespace:  set on every namespaced object
//   patches:    strategic-merge patches, matched by kind and metadata.name; maps merge key by key,
//               lists of objects with a `name` merge item by item, other lists are replaced
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const CLUSTER_SCOPED = new Set(['Namespace']);

export function render(dir) {
  const kustomization = yaml.load(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.join(dir, resource);
    if (fs.statSync(target).isDirectory()) {
      objects.push(...render(target));
    } else {
      objects.push(...yaml.loadAll(fs.readFileSync(target, 'utf8')).filter(Boolean));
    }
  }
  for (const patchRef of kustomization.patches ?? []) {
    for (const patch of yaml.loadAll(fs.readFileSync(path.join(dir, patchRef.path), 'utf8')).filter(Boolean)) {
      const target = objects.find(o => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) {
        throw new Error(`${dir}: patch ${patchRef.path} targets ${patch.kind}/${patch.metadata.name}, which does not exist`);
      }
      merge(target, patch);
    }
  }
  if (kustomization.namespace) {
    for (const o of objects) {
      if (!CLUSTER_SCOPED.has(o.kind)) {
        o.metadata.namespace = kustomization.namespace;
      }
    }
  }
  return objects;
}

function merge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (Array.isArray(value) && Array.isArray(current) && value.every(v => v && typeof v === 'object' && 'name' in v)) {
      for (const item of value) {
        const existing = current.find(c => c.name === item.name);
        if (existing) {
          merge(existing, item);
        } else {
          current.push(structuredClone(item));
        }
      }
    } else if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        && !Array.isArray(current)) {
      merge(current, value);
    } else {
      target[key] = structuredClone(value);
    }
  }
}
