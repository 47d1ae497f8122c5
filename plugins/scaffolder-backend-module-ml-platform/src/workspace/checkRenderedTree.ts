import fs from 'node:fs/promises';
import path from 'node:path';
import { checkTerraformFile } from './hcl';
import { checkKubernetesFile } from './kubernetes';
import { checkShellManifests } from './shellManifests';
import { scanText } from './textScan';
import { WorkspaceReport } from './types';
import { checkWorkflowFile } from './workflows';

/**
 * Helm chart templates are Go templates, not manifests: they are scanned as
 * text here (there is no helm binary at run time); the tests render them.
 */
const isHelmTemplate = (rel: string) =>
  /(^|\/)charts?\/[^/]+\/templates\//.test(rel) ||
  /(^|\/)helm\/[^/]+\/templates\//.test(rel);
const isWorkflow = (rel: string) =>
  /^\.github\/workflows\/[^/]+\.ya?ml$/.test(rel);

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), {
    withFileTypes: true,
  });
  const files = await Promise.all(
    entries.map(async entry => {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory())
        return entry.name === '.git' ? [] : listFiles(root, rel);
      return entry.isFile() ? [rel] : [];
    }),
  );
  return files.flat().sort();
}

/**
 * Checks a rendered environment repository: Terraform parses as HCL,
 * Kubernetes manifests match their schemas, workflows match the Actions
 * schema, and no file holds template leftovers or secret values.
 */
export async function checkRenderedTree(
  root: string,
): Promise<WorkspaceReport> {
  const report: WorkspaceReport = {
    filesChecked: 0,
    counts: { terraform: 0, kubernetes: 0, workflows: 0 },
    findings: [],
  };
  for (const rel of await listFiles(root)) {
    const content = await fs.readFile(path.join(root, rel), 'utf8');
    report.filesChecked += 1;
    report.findings.push(...scanText(rel, content));
    if (rel.endsWith('.tf')) {
      report.counts.terraform += 1;
      report.findings.push(...(await checkTerraformFile(rel, content)));
    } else if (isWorkflow(rel)) {
      report.counts.workflows += 1;
      report.findings.push(...checkWorkflowFile(rel, content));
    } else if (/\.ya?ml$/.test(rel) && !isHelmTemplate(rel)) {
      const { findings, objects } = checkKubernetesFile(rel, content);
      report.counts.kubernetes += objects;
      report.findings.push(...findings);
    } else if (/\.sh(\.tftpl)?$/.test(rel)) {
      const { findings, objects } = checkShellManifests(rel, content);
      report.counts.kubernetes += objects;
      report.findings.push(...findings);
    }
  }
  return report;
}
