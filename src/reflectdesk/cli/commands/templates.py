"""templates list | show | validate | import, and standards list | import."""

from __future__ import annotations

import argparse
from pathlib import Path

from reflectdesk.cli.session import CliContext
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.templates import TemplateService
from reflectdesk.standards.model import Taxonomy
from reflectdesk.templates.model import Prompt, Template

LANG_CHOICES = ["es", "en"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("templates", help="template library commands")
    tsub = p.add_subparsers(dest="templates_cmd", required=True)

    c = tsub.add_parser("list", help="list built-in and imported templates")
    c.add_argument("--lang", dest="content_lang", choices=LANG_CHOICES, default=None)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)

    c = tsub.add_parser("show", help="show a template's prompts")
    c.add_argument("id")
    c.add_argument("--version", dest="template_version", type=int, default=None)
    c.add_argument("--lang", dest="content_lang", choices=LANG_CHOICES, default=None)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_show)

    c = tsub.add_parser("validate", help="check a template file without importing it")
    c.add_argument("file")
    c.set_defaults(handler=cmd_validate)

    c = tsub.add_parser("import", help="validate a template file and add it to the vault")
    c.add_argument("file")
    c.set_defaults(handler=cmd_import)

    p = sub.add_parser("standards", help="teaching-standards commands")
    ssub = p.add_subparsers(dest="standards_cmd", required=True)
    c = ssub.add_parser("list", help="list the domains and standards of a framework")
    c.add_argument("--lang", dest="content_lang", choices=LANG_CHOICES, default=None)
    c.add_argument("--taxonomy", default=None, help="framework id (default: mbe-2021)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_standards_list)

    c = ssub.add_parser("import", help="validate a standards file and add it to the vault")
    c.add_argument("file")
    c.set_defaults(handler=cmd_standards_import)


def _service(ctx: CliContext) -> TemplateService:
    return ctx.open_vault().templates


def _lang(args: argparse.Namespace, ctx: CliContext) -> str:
    value = getattr(args, "content_lang", None)
    return str(value) if value else ctx.lang


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    lang = _lang(args, ctx)
    summaries = _service(ctx).list(lang)
    if args.json:
        ctx.emit_json([s.to_dict() for s in summaries])
        return 0
    width = max((len(s.id) for s in summaries), default=0)
    for s in summaries:
        marker = "*" if s.origin.value == "custom" else " "
        ctx.out.write(f"{s.id:<{width}} {marker} v{s.version:<3} {s.kind.value:<11} {s.name}\n")
    return 0


def _prompt_lines(prompt: Prompt, lang: str, depth: int) -> list[str]:
    indent = "  " * depth
    flags = ["*" if prompt.required else ""]
    if prompt.words:
        flags.append(f"~{prompt.words}w")
    suffix = " ".join(f for f in flags if f)
    lines = [
        f"{indent}- {prompt.key}: {prompt.title.get(lang)}" + (f"  {suffix}" if suffix else "")
    ]
    guidance = " ".join(prompt.guidance.get(lang).split())
    lines.append(f"{indent}    {guidance}")
    for sub in prompt.prompts:
        lines.extend(_prompt_lines(sub, lang, depth + 1))
    return lines


def _template_text(template: Template, lang: str, ctx: CliContext) -> str:
    lines = [
        f"{template.name.get(lang)}  ({template.id} v{template.version}, {template.kind.value})",
        " ".join(template.description.get(lang).split()),
    ]
    if template.framework is not None:
        lines.append(f"{template.framework.name.get(lang)}")
        lines.append(" ".join(template.framework.reference.split()))
    if template.standards:
        lines.append(
            ctx.translate(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "Suggested standards: {codes}"),
                codes=", ".join(template.standards),
            )
        )
    lines.append("")
    for prompt in template.prompts:
        lines.extend(_prompt_lines(prompt, lang, 0))
    return "\n".join(lines) + "\n"


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    template = _service(ctx).get(args.id, args.template_version)
    if args.json:
        ctx.emit_json(template.to_dict())
        return 0
    ctx.out.write(_template_text(template, _lang(args, ctx), ctx))
    return 0


def cmd_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    template = TemplateService(None).validate_file(Path(args.file))
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Valid: {id} version {version} (sections: {count})."),
        id=template.id,
        version=template.version,
        count=len(template.section_keys()),
    )
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    template = _service(ctx).import_file(Path(args.file))
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Imported {id} version {version}."),
        id=template.id,
        version=template.version,
    )
    return 0


def _taxonomy_text(taxonomy: Taxonomy, lang: str, ctx: CliContext) -> str:
    lines = [f"{taxonomy.name.get(lang)}  ({taxonomy.id} v{taxonomy.version})", ""]
    for domain in taxonomy.domains:
        mark = "" if domain.verified else "  [?]"
        lines.append(f"{domain.code}  {domain.title.get(lang)}{mark}")
        for standard in domain.standards:
            mark = "" if standard.verified else "  [?]"
            lines.append(f"  {standard.code:<4} {standard.title.get(lang)}{mark}")
    if taxonomy.unverified():
        lines.append("")
        lines.append(
            ctx.translate(
                "Cli", QT_TRANSLATE_NOOP("Cli", "[?] not yet checked against the official text")
            )
        )
    return "\n".join(lines) + "\n"


def cmd_standards_list(args: argparse.Namespace, ctx: CliContext) -> int:
    taxonomy = _service(ctx).standards(args.taxonomy)
    if args.json:
        ctx.emit_json(taxonomy.to_dict())
        return 0
    ctx.out.write(_taxonomy_text(taxonomy, _lang(args, ctx), ctx))
    return 0


def cmd_standards_import(args: argparse.Namespace, ctx: CliContext) -> int:
    taxonomy = _service(ctx).load_taxonomy_file(Path(args.file))
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Loaded {id} version {version}."),
        id=taxonomy.id,
        version=taxonomy.version,
    )
    return 0
