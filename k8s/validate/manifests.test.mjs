// Every base and overlay rendered, every object schema-validated, and the invariants checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { render } from './render.mjs';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';

const K8S = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = {
  'v1/Namespace': Namespace, 'v1/ConfigMap': ConfigMap, 'v1/Secret': Secret, 'v1/Service': Service,
  'apps/v1/Deployment': Deployment, 'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress, 'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};
const SERVICES = ['gateway', 'report-service', 'fetcher-service', 'detector-service', 'classifier-service'];
const SCALED = ['fetcher-service', 'detector-service', 'classifier-service'];
const VARIANTS = { base: 'base', dev: 'overlays/dev', prod: 'overlays/prod', gpu: 'overlays/gpu' };

const find = (objects, kind, name) => objects.find(o => o.kind === kind && o.metadata.name === name);

for (const [variant, dir] of Object.entries(VARIANTS)) {
  const objects = render(path.join(K8S, dir));

  test(`${variant}: every object is valid against its Kubernetes schema`, () => {
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      assert.ok(Model, `no schema for ${o.apiVersion} ${o.kind}`);
      assert.doesNotThrow(() => new Model(o).validate(), `${o.kind}/${o.metadata.name}`);
    }
    const names = objects.map(o => `${o.kind}/${o.metadata.name}`);
    assert.equal(new Set(names).size, names.length, 'no object twice');
  });

  test(`${variant}: each service is a Deployment with probes and resources, behind a Service`, () => {
    for (const name of SERVICES) {
      const deployment = find(objects, 'Deployment', name);
      assert.ok(deployment, `Deployment ${name}`);
      const container = deployment.spec.template.spec.containers[0];
      assert.equal(container.readinessProbe.httpGet.path, '/q/health/ready', name);
      assert.equal(container.livenessProbe.httpGet.path, '/q/health/live', name);
      assert.ok(container.resources.requests.cpu && container.resources.requests.memory, `${name} requests`);
      assert.ok(container.resources.limits.cpu && container.resources.limits.memory, `${name} limits`);
      assert.ok(container.env.some(e => e.name === 'QUARKUS_HTTP_HOST' && e.value === '0.0.0.0'), `${name} listens on the pod IP`);
      const service = find(objects, 'Service', name);
      assert.ok(service, `Service ${name}`);
      for (const [k, v] of Object.entries(service.spec.selector)) {
        assert.equal(deployment.spec.template.metadata.labels[k], v, `Service ${name} selects its pods`);
      }
      assert.ok(!container.env.some(e => /PASSWORD|TOKEN|CREDENTIAL/.test(e.name) && e.value), `${name}: no secret in plain env`);
    }
  });

  test(`${variant}: the gateway and the services it calls share the service credential from a Secret`, () => {
    for (const name of ['gateway', 'report-service', 'classifier-service']) {
      const container = find(objects, 'Deployment', name).spec.template.spec.containers[0];
      const credential = container.env.find(e => e.name === 'PATTERNSCOPE_INTERNAL_API_CREDENTIAL');
      assert.ok(credential, `${name} has PATTERNSCOPE_INTERNAL_API_CREDENTIAL`);
      assert.equal(credential.valueFrom.secretKeyRef.name, 'patternscope-service-credential', name);
      assert.ok(find(objects, 'Secret', 'patternscope-service-credential'), 'the Secret is rendered');
    }
  });

  test(`${variant}: fetcher, detector and classifier scale on their own`, () => {
    for (const name of SCALED) {
      const hpa = find(objects, 'HorizontalPodAutoscaler', name);
      assert.ok(hpa, `HPA ${name}`);
      assert.equal(hpa.spec.scaleTargetRef.name, name);
      assert.ok(find(objects, 'Deployment', hpa.spec.scaleTargetRef.name), 'the HPA targets an existing Deployment');
      assert.ok(hpa.spec.metrics.some(m => m.type === 'Resource' && m.resource.name === 'cpu'), `${name} CPU`);
      assert.ok(hpa.spec.metrics.some(m => m.type === 'External'), `${name} consumer lag`);
    }
  });

  test(`${variant}: NATS with JetStream on persistent storage; only the gateway reachable from outside`, () => {
    const nats = find(objects, 'StatefulSet', 'nats');
    assert.ok(nats.spec.template.spec.containers[0].args.includes('-js'));
    assert.ok(nats.spec.volumeClaimTemplates.length > 0);
    const ingresses = objects.filter(o => o.kind === 'Ingress');
    assert.deepEqual(ingresses.map(i => i.spec.rules[0].http.paths[0].backend.service.name), ['gateway']);
    const denyAll = objects.find(o => o.kind === 'NetworkPolicy' && Object.keys(o.spec.podSelector).length === 0);
    assert.ok(denyAll && !denyAll.spec.ingress, 'a default deny of ingress');
    const open = objects.filter(o => o.kind === 'NetworkPolicy' && (o.spec.ingress ?? []).some(rule => !rule.from));
    assert.deepEqual(open.map(p => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name']), ['gateway']);
    assert.ok(objects.filter(o => o.kind !== 'Namespace').every(o => o.metadata.namespace === 'patternscope'));
  });
}

test('dev runs PostgreSQL in the namespace; prod points at an external one', () => {
  assert.ok(find(render(path.join(K8S, 'overlays/dev')), 'StatefulSet', 'postgres'));
  const prod = render(path.join(K8S, 'overlays/prod'));
  assert.equal(find(prod, 'StatefulSet', 'postgres'), undefined);
  assert.match(find(prod, 'ConfigMap', 'patternscope-config').data.DB_JDBC_URL, /example\.internal/);
  assert.equal(find(prod, 'Deployment', 'fetcher-service').spec.replicas, 2);
});

test('gpu: the classifier asks for an NVIDIA GPU and keeps its probes', () => {
  const gpu = render(path.join(K8S, 'overlays/gpu'));
  const classifier = find(gpu, 'Deployment', 'classifier-service');
  const container = classifier.spec.template.spec.containers[0];
  assert.equal(container.resources.limits['nvidia.com/gpu'], 1);
  assert.equal(container.resources.limits.cpu, '2', 'the patch merged into the base limits');
  assert.match(container.image, /-gpu$/);
  assert.ok(container.readinessProbe);
  assert.equal(classifier.spec.replicas, 2, 'built on prod');
  const others = gpu.filter(o => o.kind === 'Deployment' && o.metadata.name !== 'classifier-service');
  assert.ok(others.every(d => !d.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu']));
});

test('each service\'s base is what quarkus-kubernetes generates from its configuration', () => {
  for (const service of SERVICES) {
    const generated = path.join(K8S, '..', service, 'target', 'kubernetes', 'kubernetes.yml');
    assert.ok(existsSync(generated), `${generated} is missing: build first (./mvnw package), which generates it`);
    // Compared as objects: the generator does not keep the order of a label map from build to build.
    const checkedIn = yaml.loadAll(readFileSync(path.join(K8S, 'base', `${service}.yaml`), 'utf8')).filter(Boolean);
    assert.deepStrictEqual(checkedIn, yaml.loadAll(readFileSync(generated, 'utf8')).filter(Boolean),
      `k8s/base/${service}.yaml differs from the build's; copy ${generated} over it (keeping its two comment lines)`);
  }
});
