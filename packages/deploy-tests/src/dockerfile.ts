import {
  DockerfileParser,
  Instruction,
  JSONInstruction,
  ModifiableInstruction,
} from 'dockerfile-ast';

/** One instruction of a Dockerfile, reduced to what checks need. */
export interface DockerInstruction {
  keyword: string;
  /** 1-based line of the instruction. */
  line: number;
  /** `--from=build` → { from: 'build' } */
  flags: Record<string, string | null>;
  /** Arguments without flags, as written (shell form) or decoded (exec form). */
  args: string[];
  /** The exec form's strings when the instruction uses one. */
  json?: string[];
}

/** One build stage: from its FROM up to the next FROM. */
export interface DockerStage {
  name?: string;
  image: string;
  instructions: DockerInstruction[];
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const flags: Record<string, string | null> = {};
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of instruction.getFlags()) {
      flags[flag.getName()] = flag.getValue();
    }
  }
  return flags;
}

/** The exec form (`["node", "-e", "..."]`) of CMD/ENTRYPOINT/RUN/HEALTHCHECK CMD. */
function execForm(instruction: Instruction): string[] | undefined {
  if (instruction instanceof JSONInstruction) {
    const strings = instruction.getJSONStrings();
    return strings.length > 0 ? strings.map(s => s.getJSONValue()) : undefined;
  }
  if (instruction.getKeyword() === 'HEALTHCHECK') {
    const content = instruction.getArgumentsContent() ?? '';
    const match = /\bCMD\s+(\[[\s\S]*\])\s*$/.exec(content);
    if (match) {
      const parsed = JSON.parse(match[1]);
      if (Array.isArray(parsed)) return parsed.map(String);
    }
  }
  return undefined;
}

/**
 * Parses a Dockerfile with dockerfile-ast (the parser of the Docker language
 * server) and groups its instructions by build stage.
 */
export function parseDockerfile(content: string): DockerStage[] {
  const dockerfile = DockerfileParser.parse(content);
  const stages: DockerStage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const item: DockerInstruction = {
      keyword,
      line: instruction.getRange().start.line + 1,
      flags: flagsOf(instruction),
      // ModifiableInstruction.getArguments() leaves the --flags out.
      args: instruction.getArguments().map(a => a.getValue()),
      json: execForm(instruction),
    };
    if (keyword === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find(
          f => f.getRange().start.line === instruction.getRange().start.line,
        );
      stages.push({
        name: from?.getBuildStage() ?? undefined,
        image: from?.getImage() ?? '',
        instructions: [item],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(item);
    }
  }
  return stages;
}

/** The shell text of every RUN of a stage, continuation lines joined. */
export function runCommands(stage: DockerStage): string[] {
  return stage.instructions
    .filter(i => i.keyword === 'RUN')
    .map(i => i.args.join(' '));
}

/**
 * The sources of a COPY/ADD that come from the build context (not
 * `--from=<stage>`); the last argument is the destination.
 */
export function contextSources(instruction: DockerInstruction): string[] {
  if (!['COPY', 'ADD'].includes(instruction.keyword)) return [];
  if (instruction.flags.from !== undefined) return [];
  const parts = instruction.json ?? instruction.args;
  return parts.slice(0, -1);
}
