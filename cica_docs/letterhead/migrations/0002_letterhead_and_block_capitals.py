"""The letterhead, the sender's names, place and enclosure line become the platform's (the
kind that held them until now copies its values in, then drops its columns), and each
addressee says whether its block prints in capitals. Until now every block printed in
capitals, so every addressee saved so far keeps doing so; a new one prints as typed."""

import cica_docs.letterhead.placeholders
from django.db import migrations, models


def keep_capitals(apps, schema_editor):
    apps.get_model("letterhead", "Addressee").objects.using(
        schema_editor.connection.alias).update(block_in_capitals=True)


class Migration(migrations.Migration):

    dependencies = [
        ('letterhead', '0001_addressee'),
    ]

    operations = [
        migrations.CreateModel(
            name='Letterhead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sender_full', models.CharField(max_length=300, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, full name')),
                ('sender_full_en', models.CharField(max_length=300, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, full name')),
                ('sender_full_ru', models.CharField(max_length=300, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, full name')),
                ('sender_full_kk', models.CharField(max_length=300, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, full name')),
                ('sender_short', models.CharField(max_length=200, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, short name')),
                ('sender_short_en', models.CharField(max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, short name')),
                ('sender_short_ru', models.CharField(max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, short name')),
                ('sender_short_kk', models.CharField(max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='sender, short name')),
                ('place', models.CharField(max_length=100, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='place')),
                ('place_en', models.CharField(max_length=100, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='place')),
                ('place_ru', models.CharField(max_length=100, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='place')),
                ('place_kk', models.CharField(max_length=100, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='place')),
                ('letterhead', models.TextField(help_text="Lines printed at the top of this language's copy.", validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='letterhead')),
                ('letterhead_en', models.TextField(help_text="Lines printed at the top of this language's copy.", null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='letterhead')),
                ('letterhead_ru', models.TextField(help_text="Lines printed at the top of this language's copy.", null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='letterhead')),
                ('letterhead_kk', models.TextField(help_text="Lines printed at the top of this language's copy.", null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator()], verbose_name='letterhead')),
                ('enclosure_template', models.CharField(help_text='Placeholder: {pages}.', max_length=200, validators=[cica_docs.letterhead.placeholders.TemplateValidator(('pages',), ('pages',))], verbose_name='enclosure line')),
                ('enclosure_template_en', models.CharField(help_text='Placeholder: {pages}.', max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator(('pages',), ('pages',))], verbose_name='enclosure line')),
                ('enclosure_template_ru', models.CharField(help_text='Placeholder: {pages}.', max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator(('pages',), ('pages',))], verbose_name='enclosure line')),
                ('enclosure_template_kk', models.CharField(help_text='Placeholder: {pages}.', max_length=200, null=True, validators=[cica_docs.letterhead.placeholders.TemplateValidator(('pages',), ('pages',))], verbose_name='enclosure line')),
                ('emblem', models.ImageField(blank=True, help_text='Optional image printed above the letterhead (PNG or JPEG).', upload_to='letterhead/', verbose_name='emblem')),
            ],
            options={
                'verbose_name': 'letterhead',
                'verbose_name_plural': 'letterhead',
            },
        ),
        migrations.AddField(
            model_name='addressee',
            name='block_in_capitals',
            field=models.BooleanField(db_default=False, default=False, help_text='Print the address block in capitals, as for a collective addressee.', verbose_name='block in capitals'),
        ),
        migrations.AlterField(
            model_name='addressee',
            name='block',
            field=models.TextField(help_text='One line per line, printed as typed unless “block in capitals” is ticked.', verbose_name='address block'),
        ),
        migrations.AlterField(
            model_name='addressee',
            name='block_en',
            field=models.TextField(help_text='One line per line, printed as typed unless “block in capitals” is ticked.', null=True, verbose_name='address block'),
        ),
        migrations.AlterField(
            model_name='addressee',
            name='block_kk',
            field=models.TextField(help_text='One line per line, printed as typed unless “block in capitals” is ticked.', null=True, verbose_name='address block'),
        ),
        migrations.AlterField(
            model_name='addressee',
            name='block_ru',
            field=models.TextField(help_text='One line per line, printed as typed unless “block in capitals” is ticked.', null=True, verbose_name='address block'),
        ),
        migrations.RunPython(keep_capitals, migrations.RunPython.noop),
    ]
